package time

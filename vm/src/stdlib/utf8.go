package utf8

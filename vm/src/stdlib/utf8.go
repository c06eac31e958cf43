// Package utf8: UTF-8 decoding and encoding (natives) and its constants.
package utf8

const (
	RuneError = '\uFFFD'
	RuneSelf  = 0x80
	MaxRune   = '\U0010FFFF'
	UTFMax    = 4
)

func RuneCountInString(s string) (n int)
func RuneCount(p []byte) int
func ValidString(s string) bool
func Valid(p []byte) bool
func ValidRune(r rune) bool {
	switch {
	case 0 <= r && r < 0xD800:
		return true
	case 0xDFFF < r && r <= MaxRune:
		return true
	}
	return false
}
func DecodeRuneInString(s string) (r rune, size int)
func DecodeRune(p []byte) (r rune, size int)
func DecodeLastRuneInString(s string) (r rune, size int)
func DecodeLastRune(p []byte) (r rune, size int)
func EncodeRune(p []byte, r rune) int
func AppendRune(p []byte, r rune) []byte
func RuneLen(r rune) int
func RuneStart(b byte) bool { return b&0xC0 != 0x80 }
func FullRune(p []byte) bool
func FullRuneInString(s string) bool

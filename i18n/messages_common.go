package i18n

// Messages shared by every front end.
const (
	TooSmall ID = "common.too-small" // %d×%d needed, %d×%d now
)

var commonEN = map[ID]string{
	TooSmall: "terminal too small: need %d×%d (now %d×%d)",
}

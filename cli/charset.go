package cli

// refuseCharset refuses to write to a terminal whose locale names a
// character set other than UTF-8 (i18n.Locale.NotUTF8Notice says why, in a
// form that terminal shows). Output to pipes and files is UTF-8 as always.
// ok is false when there is nothing to refuse.
func refuseCharset(io IO) (status int, ok bool) {
	if io.Locale.Charset == "" || !io.OutIsTTY && !io.ErrIsTTY {
		return 0, false
	}
	io.Err.Write(io.Locale.NotUTF8Notice(io.Lang))
	return ExitUsage, true
}

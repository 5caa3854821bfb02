package cli

import (
	"errors"

	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/internal/regfile"
)

// flagFileError is the one-line usage error for a file that flag names
// and that could not be read: what internal/regfile refused (not a regular
// file, too large) in the user's language, any other error as it is.
func flagFileError(flag string, err error) error {
	var refused *regfile.Error
	switch {
	case errors.As(err, &refused) && refused.Reason == regfile.TooLarge:
		return usagef(i18n.CLIErrBadValue, flag, usagef(i18n.CLIErrFileTooLarge, refused.Path, numfmt.Count(refused.Limit)))
	case errors.As(err, &refused):
		return usagef(i18n.CLIErrBadValue, flag, usagef(i18n.CLIErrFileNotRegular, refused.Path, usagef(fileKinds[refused.Kind])))
	}
	return usagef(i18n.CLIErrBadValue, flag, err.Error())
}

// fileKinds names what a refused file is.
var fileKinds = map[regfile.Kind]i18n.ID{
	regfile.Directory: i18n.CLIFileDirectory,
	regfile.FIFO:      i18n.CLIFileFIFO,
	regfile.Socket:    i18n.CLIFileSocket,
	regfile.Device:    i18n.CLIFileDevice,
	regfile.Special:   i18n.CLIFileSpecial,
}

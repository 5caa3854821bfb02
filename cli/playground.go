package cli

import "errors"

func runPlayground(args []string, io IO) int {
	return fail(io, "losslab", errors.New("the playground is not built yet"))
}

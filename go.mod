module losslab

go 1.26

require (
	github.com/mattn/go-isatty v0.0.20
	gonum.org/v1/gonum v0.17.0
)

require (
	github.com/BurntSushi/toml v1.6.0 // indirect
	golang.org/x/sys v0.38.0 // indirect
)

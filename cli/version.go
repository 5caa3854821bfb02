package cli

import (
	"runtime"
	"runtime/debug"

	"losslab/i18n"
)

// versionLine is what --version prints: the module version from the build
// info ("(devel)" when built from a source tree, as Go reports it), with the
// VCS revision and time when the build recorded them.
func versionLine(io IO) string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		info = nil
	}
	return formatVersion(io, info)
}

// formatVersion is versionLine for a given build info (nil when there is none).
func formatVersion(io IO, info *debug.BuildInfo) string {
	version, goVersion := "(devel)", runtime.Version()
	var revision, when string
	modified := false
	if info != nil {
		if info.Main.Version != "" {
			version = info.Main.Version
		}
		if info.GoVersion != "" {
			goVersion = info.GoVersion
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				revision = s.Value
			case "vcs.time":
				when = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	if revision == "" {
		return io.T(i18n.CLIVersion, version, goVersion)
	}
	if len(revision) > 12 {
		revision = revision[:12]
	}
	if modified {
		revision += "-dirty" // git describe's word for uncommitted changes
	}
	if when == "" {
		return io.T(i18n.CLIVersionRevision, version, goVersion, revision)
	}
	return io.T(i18n.CLIVersionCommit, version, goVersion, revision, when)
}

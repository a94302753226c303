// The `paperql` executable: everything lives in PaperQLCLI, so tests can reach it.

import PaperQLCLI

await PaperQLCommand.start()

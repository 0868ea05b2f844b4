import Foundation

// The peer for whole-process timings: a release hello-world that imports Foundation, built by the
// same package with the same flags as `advisor`.
FileHandle.standardOutput.write(Data("hello\n".utf8))

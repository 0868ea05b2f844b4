import Foundation

/// The peer: Debian's `clips` (6.30), run in batch mode as `clips -f2 run.clp`.
enum CLIPS {
    /// The `clips` program, installed with apt-get if it is missing. Nil (with a message) if it
    /// can't be had.
    static func locate() -> String? {
        if let path = Runner.which("clips") { return path }
        print("advisor-bench: clips is missing; installing it with apt-get (Debian package 'clips')")
        let sudo = getuid() == 0 ? [] : ["sudo"]
        let update = Runner.run("/usr/bin/env", sudo + ["apt-get", "update", "-qq"],
                                environment: ["DEBIAN_FRONTEND": "noninteractive"])
        let install = Runner.run("/usr/bin/env", sudo + ["apt-get", "install", "-y", "-qq", "clips"],
                                 environment: ["DEBIAN_FRONTEND": "noninteractive"])
        guard update != nil, install?.status == 0, let path = Runner.which("clips") else {
            print("advisor-bench: could not install clips (apt-get install -y clips)")
            return nil
        }
        return path
    }
}

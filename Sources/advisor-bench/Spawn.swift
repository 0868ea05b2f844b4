import Foundation

/// Runs a whole process with posix_spawn, output to /dev/null, and waits for it.
enum Spawn {
    /// Wall time of one run, or nil if the program couldn't be started or failed.
    static func run(_ path: String, _ arguments: [String]) -> Double? {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = Clock.now()
        guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { return nil }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        let elapsed = Clock.now() - start
        return status == 0 ? elapsed : nil
    }

    /// Median wall time over `runs` runs after two warm-up runs.
    static func median(_ path: String, _ arguments: [String], runs: Int) -> Double? {
        for _ in 0..<2 { guard run(path, arguments) != nil else { return nil } }
        var samples: [Double] = []
        for _ in 0..<runs {
            guard let time = run(path, arguments) else { return nil }
            samples.append(time)
        }
        return Clock.median(samples)
    }

    /// Peak resident set of the largest child waited for so far, in MiB.
    static func peakChildRSS() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}

import Foundation

/// What the file system says about a file without reading it: which file it is (device and
/// inode), its size, and when its contents and its status last changed, to the nanosecond.
///
/// The compiled cache trusts a knowledge file unchanged while its stamp is unchanged, as `git`
/// trusts its index. Writing to a file moves its modification time; renaming another file over
/// it changes its inode; and every change, even one that sets the modification time back
/// (`touch -d`, `rsync -t`), moves the status-change time, which no program can set. A file
/// changed within the file system's timestamp granularity of being stamped could keep its
/// times, so a stamp only counts once it is older than `KnowledgeStamps.margin` (see there).
public struct FileStamp: Sendable, Hashable {
    public var device: UInt64
    public var inode: UInt64
    public var size: Int64
    /// Modification time, in nanoseconds since the epoch.
    public var modified: Int64
    /// Status-change time, in nanoseconds since the epoch.
    public var changed: Int64

    public init(device: UInt64, inode: UInt64, size: Int64, modified: Int64, changed: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
        self.changed = changed
    }

    init(_ status: stat) {
        self.init(device: UInt64(status.st_dev), inode: UInt64(status.st_ino), size: Int64(status.st_size),
                  modified: Self.nanoseconds(status.st_mtim), changed: Self.nanoseconds(status.st_ctim))
    }

    /// The later of the two times.
    var latest: Int64 { max(modified, changed) }

    static func nanoseconds(_ time: timespec) -> Int64 {
        Int64(time.tv_sec) &* 1_000_000_000 &+ Int64(time.tv_nsec)
    }

    /// The wall-clock time now, in nanoseconds since the epoch: the clock file times come from.
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return nanoseconds(time)
    }
}

import AdvisorCore
import Testing

/// The knowledge digest is SHA-256 over each file's path, length and bytes, with NUL separators:
/// checked against values Python's hashlib gives for the same bytes.
struct KnowledgeDigestTests {
    @Test("SHA-256 of the framed files matches hashlib", arguments: [
        ([(String, [UInt8])](), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ([("", [])], "f78b037f6d1ecfc5a00bc7d96858bdc7af9ac8dbf95fdd5736d0f950ab279b9e"),
        ([("a.yaml", Array("abc".utf8)), ("b", [])], "0a7a25682cce08cc4c66152062d1732beba705cfe5d0aee6c0cb5988023fd2f0"),
    ])
    func matchesHashlib(_ files: [(String, [UInt8])], _ expected: String) {
        #expect(KnowledgeDigest.sha256(files.map { (path: $0.0, bytes: $0.1) }) == expected)
    }
}

import AdvisorCore
import Foundation

// Build-time tool: validates the shipped knowledge and writes it as a Swift source file.
// Usage: KnowledgeCompiler PACKAGE_ROOT KNOWLEDGE_DIR OUTPUT.swift

let arguments = CommandLine.arguments
guard arguments.count == 4 else {
    FileHandle.standardError.write(Data("usage: KnowledgeCompiler PACKAGE_ROOT KNOWLEDGE_DIR OUTPUT\n".utf8))
    exit(64)
}
guard FileManager.default.changeCurrentDirectoryPath(arguments[1]) else {
    FileHandle.standardError.write(Data("KnowledgeCompiler: cannot enter \(arguments[1])\n".utf8))
    exit(66)
}
do {
    let result = try KnowledgeLoader.load(directories: [arguments[2]])
    var knowledge = result.knowledge
    knowledge.origins = ["built-in"]
    let files = try KnowledgeFiles.read(directory: arguments[2])
    let source = KnowledgeArchive.swiftSource(knowledge, typeName: "EmbeddedKnowledgeData") + "\n"
        + KnowledgeArchive.swiftFilesSource(files, typeName: "EmbeddedKnowledgeFiles")
    try Data(source.utf8).write(to: URL(fileURLWithPath: arguments[3]), options: .atomic)
} catch let error as DiagnosticError {
    FileHandle.standardError.write(Data((error.rendered() + "\n").utf8))
    exit(65)
} catch {
    FileHandle.standardError.write(Data("KnowledgeCompiler: \(error)\n".utf8))
    exit(74)
}

import Foundation
import PackagePlugin

/// Validates `Knowledge/` at build time and embeds it, pre-compiled, into the `AdvisorKnowledge` target.
///
/// A knowledge error fails the build with the same compiler-style diagnostics `advisor validate`
/// prints. At run time the advisor decodes the compact form instead of parsing YAML, and finds
/// its knowledge wherever the binary is copied.
@main
struct EmbedKnowledgePlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let knowledge = root.appending(path: "Knowledge")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedKnowledgeData.swift")
        return [
            .buildCommand(
                displayName: "Embedding knowledge from Knowledge/",
                executable: try context.tool(named: "KnowledgeCompiler").url,
                arguments: [root.path(percentEncoded: false), "Knowledge", output.path(percentEncoded: false)],
                inputFiles: yamlFiles(under: knowledge),
                outputFiles: [output]
            )
        ]
    }

    private func yamlFiles(under directory: URL) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        else { return [] }
        var files: [URL] = []
        for case let url as URL in enumerator where url.pathExtension == "yaml" || url.pathExtension == "yml" {
            files.append(url)
        }
        return files.sorted { $0.path < $1.path }
    }
}

namespace Clients.Catalogue.Tests.CorpusSweep;

/// <summary>When a <see cref="CorpusException"/> is in force, by what the checkout has of issue 17's parts.</summary>
internal enum CorpusStage
{
    /// <summary>Always.</summary>
    Always,

    /// <summary>Only while the document reader (Clients.SpecTools.Reading) is missing.</summary>
    WithoutReader,

    /// <summary>Only once the reader is there (documents it lets through get further).</summary>
    WithReader,

    /// <summary>Only once the reader and the document-driven emulator are there (the calls are made).</summary>
    WithEmulator,
}

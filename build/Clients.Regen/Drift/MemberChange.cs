namespace Clients.Regen.Drift;

/// <summary>How a generated member changes when the clients are regenerated from the drifted documents.</summary>
/// <param name="Name">The member (<see cref="GeneratedMember.Name"/>).</param>
/// <param name="What"><c>removed</c>, <c>added</c>, or <c>changed: long? → string?</c>.</param>
internal sealed record MemberChange(string Name, string What)
{
    public override string ToString() => Name + " " + What;
}

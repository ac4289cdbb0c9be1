using System.Globalization;
using System.Reflection;
using System.Runtime.Serialization;
using Clients.Core.Wire;
using Refit;

namespace Clients.Core.Tests.Wire;

/// <summary>
/// The one URL-value formatter. Expected strings are what python-ovh puts on the wire for the same value
/// (python-ovh: booleans <c>str(v).lower()</c>, dates and date-times as the caller's <c>isoformat()</c>).
/// </summary>
public sealed class WireFormatTests
{
    public enum ConsumerEnum
    {
        [EnumMember(Value = "in-progress")]
        InProgress,
        Done,
    }

    public static TheoryData<object?, string?> Cases => new()
    {
        { null, null },
        { true, "true" },
        { false, "false" },
        { new DateOnly(2024, 1, 5), "2024-01-05" },
        { new DateTimeOffset(2024, 1, 15, 10, 0, 0, TimeSpan.Zero), "2024-01-15T10:00:00+00:00" },
        { new DateTimeOffset(2024, 1, 15, 10, 0, 0, 123, TimeSpan.FromHours(1)), "2024-01-15T10:00:00.123000+01:00" },
        { new DateTimeOffset(2024, 1, 15, 10, 0, 0, TimeSpan.FromHours(-5.5)), "2024-01-15T10:00:00-05:30" },
        { new DateTime(2024, 1, 15, 10, 0, 0, DateTimeKind.Utc), "2024-01-15T10:00:00+00:00" },
        { new DateTime(2024, 1, 15, 10, 0, 0, DateTimeKind.Unspecified), "2024-01-15T10:00:00" },
        { new TimeOnly(8, 30), "08:30:00" },
        { 1234567L, "1234567" },
        { -1.5d, "-1.5" },
        { 0.1f, "0.1" },
        { 1234.5m, "1234.5" },
        { ConsumerEnum.InProgress, "in-progress" },
        { ConsumerEnum.Done, "Done" },
        { new[] { 1, 2, 3 }, "1,2,3" },
        { new List<bool> { true, false }, "true,false" },
        { "as is: +/?", "as is: +/?" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Values_are_formatted_as_the_provider_expects(object? value, string? expected) =>
        WireFormat.Format(value).Should().Be(expected);

    [Fact]
    public void Formatting_does_not_depend_on_the_current_culture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("fr-FR");
            WireFormat.Format(-1.5d).Should().Be("-1.5");
            WireFormat.Format(new DateTimeOffset(2024, 1, 15, 10, 0, 0, TimeSpan.Zero)).Should().Be("2024-01-15T10:00:00+00:00");
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void A_query_format_on_a_consumer_interface_still_wins()
    {
        var parameter = typeof(IFormatted).GetMethod(nameof(IFormatted.GetAsync))!.GetParameters()[0];

        WireUrlParameterFormatter.Instance.Format(new DateTimeOffset(2024, 1, 15, 10, 0, 0, TimeSpan.Zero), parameter, parameter.ParameterType)
            .Should().Be("20240115");
        WireUrlParameterFormatter.Instance.Format(true, typeof(IFormatted).GetMethod(nameof(IFormatted.GetAsync))!.GetParameters()[1], typeof(bool))
            .Should().Be("true");
    }

    public interface IFormatted
    {
        [Get("/x")]
        Task GetAsync([Query(Format = "yyyyMMdd")] DateTimeOffset day, bool flag);
    }
}

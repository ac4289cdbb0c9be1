namespace Clients.Ovh.Tests;

public sealed class OvhErrorTests
{
    [Theory]
    [InlineData("INVALID_KEY", OvhErrorCode.InvalidKey)]
    [InlineData("INVALID_CREDENTIAL", OvhErrorCode.InvalidCredential)]
    [InlineData("INVALID_SIGNATURE", OvhErrorCode.InvalidSignature)]
    [InlineData("NOT_GRANTED_CALL", OvhErrorCode.NotGrantedCall)]
    [InlineData("NOT_CREDENTIAL", OvhErrorCode.NotCredential)]
    [InlineData("FORBIDDEN", OvhErrorCode.Forbidden)]
    [InlineData("QUERY_TIME_OUT", OvhErrorCode.QueryTimeOut)]
    [InlineData("SOMETHING_NEW", OvhErrorCode.Unknown)]
    public void Known_codes_map_without_string_matching_by_callers(string code, OvhErrorCode expected)
    {
        var error = OvhError.TryParse(System.Text.Encoding.UTF8.GetBytes($$"""{"errorCode":"{{code}}","httpCode":"403 Forbidden","message":"m"}"""));
        error!.Code.Should().Be(expected);
        error.HttpCode.Should().Be("403 Forbidden");
    }

    [Fact]
    public void Iam_style_bodies_carry_the_class()
    {
        var error = OvhError.TryParse("""{"class":"Client::Forbidden","message":"Access denied","details":{"a":[1]}}"""u8);
        error!.Class.Should().Be("Client::Forbidden");
        error.Code.Should().Be(OvhErrorCode.Forbidden);
        error.Message.Should().Be("Access denied");
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{}")]
    public void Non_ovh_bodies_parse_to_null(string body)
    {
        OvhError.TryParse(System.Text.Encoding.UTF8.GetBytes(body)).Should().BeNull();
    }

    [Fact]
    public void Only_timestamp_errors_trigger_a_resync()
    {
        OvhError.TryParse("""{"errorCode":"QUERY_TIME_OUT","message":"Query out of time"}"""u8)!.IsTimestampRejection.Should().BeTrue();
        OvhError.TryParse("""{"errorCode":"INVALID_SIGNATURE","message":"Invalid signature"}"""u8)!.IsTimestampRejection.Should().BeFalse();
        OvhError.TryParse("""{"errorCode":"NOT_GRANTED_CALL","message":"x"}"""u8)!.IsTimestampRejection.Should().BeFalse();
    }
}

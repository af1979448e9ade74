using System.Text;
using ApimLint.Fixing;
using ApimLint.Text;

namespace ApimLint.Tests.Fixing;

/// <summary>A fix changes the bytes of its edit and no other, whatever the file's encoding and whatever stray bytes it holds.</summary>
public sealed class ByteSpliceTests
{
    /// <summary>The bytes a fix writes when it turns "port=5672" into "port=5673" in a file read from <paramref name="bytes"/>.</summary>
    private static byte[] FixPort(byte[] bytes)
    {
        var (text, encoding) = SourceEncoding.Decode(bytes);
        Assert.Contains("port=5672", text);
        return new FileChange("/deployment/a.properties", bytes, text, text.Replace("port=5672", "port=5673"), encoding).NewBytes;
    }

    /// <summary>The original bytes with the one byte that encodes the changed digit ("2" to "3") changed.</summary>
    private static byte[] WithDigitChanged(byte[] bytes, Encoding encoding)
    {
        var digit = encoding.GetBytes("port=5672");
        var at = bytes.AsSpan().IndexOf(digit);
        var expected = bytes.ToArray();
        encoding.GetBytes("port=5673").CopyTo(expected, at);
        return expected;
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    [Fact]
    public void A_stray_byte_in_a_utf8_file_with_a_bom_survives_an_edit_elsewhere()
    {
        var utf8 = new UTF8Encoding(false);
        var bytes = Concat([0xEF, 0xBB, 0xBF], utf8.GetBytes("# caf"), [0xE9], utf8.GetBytes("\nport=5672\n"));

        Assert.Equal(WithDigitChanged(bytes, utf8), FixPort(bytes));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_lone_surrogate_in_a_utf16_file_survives_an_edit_elsewhere(bool bigEndian)
    {
        var utf16 = new UnicodeEncoding(bigEndian, true);
        byte[] lone = bigEndian ? [0xD8, 0x00] : [0x00, 0xD8];
        var bytes = Concat(utf16.GetPreamble(), utf16.GetBytes("# x"), lone, utf16.GetBytes("\nport=5672\n"));

        Assert.Equal(WithDigitChanged(bytes, utf16), FixPort(bytes));
    }

    [Fact]
    public void A_utf32_file_keeps_its_encoding_and_bom()
    {
        var utf32 = new UTF32Encoding(false, true);
        var bytes = Concat(utf32.GetPreamble(), utf32.GetBytes("# \U0001F600\nport=5672\n"));

        Assert.Equal(WithDigitChanged(bytes, utf32), FixPort(bytes));
    }

    [Fact]
    public void Crlf_line_breaks_and_a_latin1_file_keep_every_other_byte()
    {
        var bytes = Encoding.Latin1.GetBytes("# Jos\u00e9\r\nport=5672\r\nname=\u00e9t\u00e9\r\n");

        Assert.Equal(WithDigitChanged(bytes, Encoding.Latin1), FixPort(bytes));
    }

    [Fact]
    public void Two_edits_around_a_stray_byte_leave_it_as_it_was()
    {
        var utf8 = new UTF8Encoding(false);
        var bytes = Concat([0xEF, 0xBB, 0xBF], utf8.GetBytes("a=1\n# "), [0xE9, 0xFF], utf8.GetBytes("\nb=2\n"));
        var (text, encoding) = SourceEncoding.Decode(bytes);

        var written = new FileChange("/deployment/a.properties", bytes, text, text.Replace("a=1", "a=10").Replace("b=2", "b=20"), encoding).NewBytes;

        Assert.Equal(Concat([0xEF, 0xBB, 0xBF], utf8.GetBytes("a=10\n# "), [0xE9, 0xFF], utf8.GetBytes("\nb=20\n")), written);
    }

    [Fact]
    public void An_edit_that_would_rewrite_an_undecodable_byte_is_refused()
    {
        var utf8 = new UTF8Encoding(false);
        var bytes = Concat([0xEF, 0xBB, 0xBF], utf8.GetBytes("name=caf"), [0xE9], utf8.GetBytes("\n"));
        var (text, encoding) = SourceEncoding.Decode(bytes);
        var change = new FileChange("/deployment/a.properties", bytes, text, text.Replace("name=caf\uFFFD", "name=tea"), encoding);

        var error = Assert.Throws<FixWriteException>(() => change.NewBytes);

        Assert.Equal("/deployment/a.properties: a fix would rewrite bytes that are not valid utf-8 or text it cannot encode; no file was changed", error.Message);
    }

    [Fact]
    public void Text_the_file_encoding_cannot_hold_is_refused()
    {
        var bytes = Encoding.Latin1.GetBytes("name=\u00e9\xff\n");
        var (text, encoding) = SourceEncoding.Decode(bytes);
        var change = new FileChange("/deployment/a.properties", bytes, text, text + "city=\u6771\u4eac\n", encoding);

        Assert.Throws<FixWriteException>(() => change.NewBytes);
    }
}

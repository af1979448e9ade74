using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ApimLint.Reporting;

/// <summary>How apimlint writes a JSON document: indented with line feeds, non-ASCII text as it is, control characters escaped, a final line feed.</summary>
public static class JsonOutput
{
    public static void Write(TextWriter output, Action<Utf8JsonWriter> write)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            write(json);
        output.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        output.Write('\n');
    }
}

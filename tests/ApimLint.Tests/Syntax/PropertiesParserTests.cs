using ApimLint.Syntax.Properties;
using ApimLint.Text;

namespace ApimLint.Tests.Syntax;

public sealed class PropertiesParserTests
{
    [Fact]
    public void Real_jndi_properties_parses_with_value_spans()
    {
        var path = TestPaths.Fixture("realworld-2.6.0/repository/conf/jndi.properties");
        var file = PropertiesParser.Parse(new SourceText(path, File.ReadAllText(path)));

        Assert.Null(file.Error);
        Assert.Equal(["connectionfactory.TopicConnectionFactory", "connectionfactory.QueueConnectionFactory", "topic.throttleData"],
            file.Entries.Select(e => e.Key));
        var topic = file.Entry("connectionfactory.TopicConnectionFactory")!;
        Assert.Equal("amqp://admin:admin@clientid/carbon?brokerlist='tcp://localhost:5672'", file.Source[topic.ValueSpan]);
        Assert.Equal(new LinePosition(19, 44), file.Source.GetLinePosition(topic.ValueSpan.Start));
    }

    [Fact]
    public void Separators_escapes_and_continuations_follow_java_util_properties()
    {
        var text = "a=1\nb : two words \\\n    continued\nc\\ d\\:e = \\u0041\\t!\n! comment\n  # also comment\nempty=\nkeyonly\n";
        var file = PropertiesParser.Parse(new SourceText("x.properties", text));

        Assert.Equal(["a", "b", "c d:e", "empty", "keyonly"], file.Entries.Select(e => e.Key));
        Assert.Equal("two words continued", file.Entry("b")!.Value);
        Assert.Equal("A\t!", file.Entry("c d:e")!.Value);
        Assert.Equal("", file.Entry("empty")!.Value);
    }

    [Fact]
    public void Malformed_unicode_escape_is_an_error_at_its_position()
    {
        var source = new SourceText("x.properties", "ok=1\nbad=\\u12G4\n");
        var error = PropertiesParser.Parse(source).Error;

        Assert.Equal(new LinePosition(2, 5), error?.Position);
    }
}

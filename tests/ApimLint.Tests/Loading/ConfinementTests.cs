using ApimLint.Loading;

namespace ApimLint.Tests.Loading;

/// <summary>The one confinement rule, on links, special files and sizes that a deployment's author controls.</summary>
public sealed class ConfinementTests
{
    [Fact]
    public void The_real_path_resolves_links_in_every_component_and_stops_at_a_loop()
    {
        using var temp = new TempDirectory();
        var inside = Directory.CreateDirectory(Path.Combine(temp.Path, "root", "conf")).FullName;
        Directory.CreateDirectory(Path.Combine(temp.Path, "elsewhere"));
        Directory.CreateSymbolicLink(Path.Combine(inside, "linked"), "../../elsewhere");
        File.CreateSymbolicLink(Path.Combine(inside, "self"), "self");

        Assert.Equal(Path.Combine(temp.Path, "elsewhere", "x.xml"), Confinement.RealPath(Path.Combine(inside, "linked", "x.xml")));
        Assert.Null(Confinement.RealPath(Path.Combine(inside, "self")));
        Assert.False(Confinement.LeadsInside(Path.Combine(temp.Path, "root"), Path.Combine(inside, "linked", "x.xml")));
        // .NET removes '..' as written before it opens a path, so the real path does too, before resolving links.
        Assert.Equal(Path.Combine(inside, "y.xml"), Confinement.RealPath(Path.Combine(inside, "linked", "..", "y.xml")));
    }

    [Fact]
    public void A_link_out_says_the_same_whether_its_target_exists_and_a_link_inside_that_dangles_says_so()
    {
        using var temp = new TempDirectory();
        var root = Directory.CreateDirectory(Path.Combine(temp.Path, "root")).FullName;
        File.WriteAllText(Path.Combine(temp.Path, "present.conf"), "x");
        File.CreateSymbolicLink(Path.Combine(root, "to-present"), "../present.conf");
        File.CreateSymbolicLink(Path.Combine(root, "to-absent"), "../absent.conf");
        File.CreateSymbolicLink(Path.Combine(root, "dangling"), "absent.conf");

        const string outside = "it is a symbolic link to a file outside the deployment folder, which apimlint does not follow";
        Assert.Equal(outside, Confinement.ReadProblem(Path.Combine(root, "to-present"), root, Confinement.DeploymentFolder, followLinks: null));
        Assert.Equal(outside, Confinement.ReadProblem(Path.Combine(root, "to-absent"), root, Confinement.DeploymentFolder, followLinks: null));
        Assert.Equal("it is a symbolic link to absent.conf, which does not exist",
            Confinement.ReadProblem(Path.Combine(root, "dangling"), root, Confinement.DeploymentFolder, followLinks: null));
    }

    [Fact]
    public void Writes_stay_inside_the_root_and_never_go_through_a_link()
    {
        using var temp = new TempDirectory();
        var root = Directory.CreateDirectory(Path.Combine(temp.Path, "root")).FullName;
        Directory.CreateDirectory(Path.Combine(temp.Path, "outside"));
        Directory.CreateDirectory(Path.Combine(root, "conf"));
        Directory.CreateSymbolicLink(Path.Combine(root, "linked"), "../outside");
        File.CreateSymbolicLink(Path.Combine(root, "conf", "file.xml"), "../../outside/file.xml");

        Assert.True(Confinement.IsInsideWithoutLinks(root, Path.Combine(root, "conf", "new.xml")));
        Assert.Equal("linked is a symbolic link, which apimlint does not write through", Confinement.WriteProblem(root, Path.Combine(root, "linked", "a.xml")));
        Assert.Equal("it is a symbolic link, which apimlint does not write through", Confinement.WriteProblem(root, Path.Combine(root, "conf", "file.xml")));
        Assert.Equal("it is outside the deployment folder, where apimlint writes nothing", Confinement.WriteProblem(root, Path.Combine(root, "..", "outside", "b")));
        var error = Assert.Throws<InputException>(() => Confinement.EnsureWritable(root, Path.Combine(root, "linked", "a.xml")));
        Assert.StartsWith(Path.Combine(root, "linked", "a.xml") + ": ", error.Message);
    }

    [Fact]
    public void A_file_that_claims_no_size_is_still_read_only_up_to_the_limit()
    {
        // /proc files claim a size of 0 and then produce bytes: the limit holds on what is read.
        var environ = Confinement.ReadAllBytes("/proc/self/status");
        Assert.NotEmpty(environ);
        Assert.Equal(FileKind.Special, FileStatus.KindOf("/dev/zero", followLinks: true));
        var error = Assert.Throws<InputException>(() => Confinement.ReadAllBytes("/dev/zero"));
        Assert.Equal("/dev/zero: it is not a regular file (a device, FIFO or socket), which apimlint does not read", error.Message);
    }

    [Fact]
    public void The_run_budget_counts_every_file_read_and_names_the_one_that_passes_it()
    {
        using var temp = new TempDirectory();
        var files = Enumerable.Range(1, 3).Select(i => Path.Combine(temp.Path, $"f{i}.xml")).ToList();
        foreach (var file in files) File.WriteAllBytes(file, new byte[1000]);

        using (ReadScope.Begin(warnings: null, budget: 2500))
        {
            Confinement.ReadAllBytes(files[0]);
            Confinement.ReadAllBytes(files[1]);
            var error = Assert.Throws<InputException>(() => Confinement.ReadAllBytes(files[2]));
            Assert.StartsWith($"{files[2]}: reading it would take apimlint past the ", error.Message);
        }
        Confinement.ReadAllBytes(files[2]);
    }
}

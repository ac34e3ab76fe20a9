import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds the Warroom app-image with the JDK's own {@code jpackage}, then the native installer this
 * OS can make. Run by the pom's {@code package} profile ({@code mvn -B -Ppackage -DskipTests package})
 * through exec-maven-plugin; a single-file Java program so the same profile works on Linux, macOS and
 * Windows without a shell.
 *
 * <pre>
 * java packaging/Jpackage.java VERSION JAR DIST [INSTALLER]
 *   VERSION    the project version; jpackage takes the numeric part (0.1.0-SNAPSHOT -> 0.1.0)
 *   JAR        the shaded jar (target/warroom.jar)
 *   DIST       where the app-image and installers go (target/dist)
 *   INSTALLER  auto (default): deb on Linux where dpkg-deb and fakeroot exist, msi on Windows where
 *              WiX 3 (candle, light) is on the PATH, dmg on macOS; none: the app-image only;
 *              or a jpackage type (deb, rpm, msi, exe, dmg, pkg)
 * </pre>
 *
 * <p>Result: {@code DIST/Warroom} (Linux, Windows) or {@code DIST/Warroom.app} (macOS), whose
 * launcher is {@code bin/warroom}, {@code Warroom.exe} or {@code Contents/MacOS/Warroom}.
 */
public final class Jpackage {
    static final String APP = "Warroom";
    static final String LAUNCHER = "warroom";
    static final String MAIN_CLASS = "dev.warroom.app.Launcher";
    static final String VENDOR = "Warroom";
    static final String DESCRIPTION = "Incident console for SLO burn-rate alerting, escalation, runbooks and postmortems";
    /** Fixed so a newer .msi upgrades an installed one instead of installing beside it. */
    static final String WIN_UPGRADE_UUID = "6f1d9a52-3c1e-4b7a-9d0e-2a5b8c7e4f10";

    enum Os { LINUX, MAC, WINDOWS }

    private final Path packaging;
    private final Path jar;
    private final Path dist;
    private final Path work;
    private final String version;
    private final Os os;

    Jpackage(Path packaging, Path jar, Path dist, String version, Os os) {
        this.packaging = packaging;
        this.jar = jar;
        this.dist = dist;
        this.work = dist.resolveSibling("jpackage");
        this.version = version;
        this.os = os;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: java packaging/Jpackage.java VERSION JAR DIST [auto|none|deb|rpm|msi|exe|dmg|pkg]");
            System.exit(2);
        }
        // run from the project folder (the pom sets the working directory)
        Path packaging = Path.of("packaging");
        Jpackage build = new Jpackage(packaging, Path.of(args[1]), Path.of(args[2]), numericVersion(args[0]), os());
        String installer = args.length > 3 && !args[3].isBlank() ? args[3].trim().toLowerCase(Locale.ROOT) : "auto";
        Path image = build.appImage();
        System.out.println("[jpackage] app-image: " + image);
        String type = installer.equals("auto") ? build.autoInstaller() : installer;
        if (type != null && !type.equals("none")) {
            build.installer(type, image);
        }
    }

    /** jpackage wants 1 to 3 dot-separated numbers: 0.1.0-SNAPSHOT becomes 0.1.0. */
    static String numericVersion(String version) {
        var m = java.util.regex.Pattern.compile("^(\\d+(?:\\.\\d+){0,2})").matcher(version);
        return m.find() ? m.group(1) : "0.0.0";
    }

    static Os os() {
        String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (name.contains("win")) {
            return Os.WINDOWS;
        }
        if (name.contains("mac")) {
            return Os.MAC;
        }
        return Os.LINUX;
    }

    Path icon() {
        return packaging.resolve("icons").resolve(switch (os) {
            case LINUX -> "warroom.png";
            case MAC -> "warroom.icns";
            case WINDOWS -> "warroom.ico";
        });
    }

    /** The options in packaging/jvm-options, one per line; # starts a comment. */
    List<String> javaOptions() throws IOException {
        List<String> options = new ArrayList<>();
        for (String line : Files.readAllLines(packaging.resolve("jvm-options"), StandardCharsets.UTF_8)) {
            String option = line.strip();
            if (!option.isEmpty() && !option.startsWith("#")) {
                options.add(option);
            }
        }
        return options;
    }

    Path appImage() throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the package phase first");
        }
        // jpackage copies the whole --input folder into the image: give it the jar alone
        Path input = work.resolve("input");
        Path out = work.resolve("image");
        deleteTree(work);
        Files.createDirectories(input);
        Files.createDirectories(dist);
        Files.copy(jar, input.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);

        // On Linux the launcher is lower case (bin/warroom, as on the command line) and the folder
        // is the product's name; jpackage names both after --name, so build as "warroom" and move.
        String name = os == Os.LINUX ? LAUNCHER : APP;
        List<String> args = new ArrayList<>(List.of(
                "--type", "app-image",
                "--name", name,
                "--app-version", version,
                "--vendor", VENDOR,
                "--description", DESCRIPTION,
                "--input", input.toString(),
                "--main-jar", jar.getFileName().toString(),
                "--main-class", MAIN_CLASS,
                "--icon", icon().toString(),
                "--dest", out.toString()));
        for (String option : javaOptions()) {
            args.add("--java-options");
            args.add(option);
        }
        run(args);

        Path built = out.resolve(os == Os.MAC ? APP + ".app" : name);
        Path image = dist.resolve(os == Os.MAC ? APP + ".app" : APP);
        deleteTree(image);
        Files.move(built, image);
        if (os == Os.LINUX) {
            // the icon beside the launcher, for the .desktop entry of a hand-unpacked image
            Files.copy(icon(), image.resolve("lib").resolve(LAUNCHER + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
        return image;
    }

    /** What this OS can build here; null (with the reason printed) when it cannot. */
    String autoInstaller() {
        return switch (os) {
            case LINUX -> {
                List<String> missing = Stream.of("dpkg-deb", "fakeroot").filter(t -> !onPath(t)).toList();
                if (missing.isEmpty()) {
                    yield "deb";
                }
                System.out.println("[jpackage] no .deb: " + String.join(" and ", missing) + " not on the PATH");
                yield null;
            }
            case WINDOWS -> {
                if (onPath("candle.exe") && onPath("light.exe")) {
                    yield "msi";
                }
                System.out.println("[jpackage] no .msi: WiX 3 (candle.exe, light.exe) not on the PATH");
                yield null;
            }
            case MAC -> "dmg";
        };
    }

    void installer(String type, Path image) throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "--type", type,
                "--app-image", image.toString(),
                "--app-version", version,
                "--vendor", VENDOR,
                "--description", DESCRIPTION,
                "--dest", dist.toString()));
        switch (os) {
            case LINUX -> {
                args.addAll(List.of(
                        "--name", LAUNCHER,
                        "--icon", icon().toString(),
                        "--linux-shortcut",
                        "--linux-app-category", "devel",
                        "--linux-menu-group", "Development;Monitor;",
                        // JavaFX's native libraries ship inside the jar, so jpackage cannot see what they need
                        "--linux-package-deps", "libgtk-3-0",
                        "--resource-dir", linuxResources().toString()));
            }
            case WINDOWS -> args.addAll(List.of(
                    "--name", APP,
                    "--win-menu", "--win-menu-group", APP,
                    "--win-shortcut",
                    "--win-dir-chooser",
                    "--win-upgrade-uuid", WIN_UPGRADE_UUID));
            case MAC -> args.addAll(List.of("--name", APP));
        }
        try (Stream<Path> before = Files.list(dist)) {
            List<Path> old = before.filter(p -> p.getFileName().toString().endsWith("." + type)).toList();
            for (Path p : old) {
                Files.delete(p);
            }
        }
        run(args);
        try (Stream<Path> after = Files.list(dist)) {
            after.filter(p -> p.getFileName().toString().endsWith("." + type))
                    .forEach(p -> System.out.println("[jpackage] installer: " + p));
        }
    }

    /**
     * jpackage's resource folder for the Linux package: our .desktop entry, with the launcher and
     * icon paths jpackage fills in (APPLICATION_LAUNCHER, APPLICATION_ICON), the icon, and the
     * maintainer scripts.
     */
    Path linuxResources() throws IOException {
        Path resources = work.resolve("resources");
        Files.createDirectories(resources);
        StringBuilder desktop = new StringBuilder();
        for (String line : Files.readAllLines(packaging.resolve("linux").resolve("warroom.desktop"), StandardCharsets.UTF_8)) {
            if (line.startsWith("Exec=")) {
                line = "Exec=APPLICATION_LAUNCHER";
            } else if (line.startsWith("Icon=")) {
                line = "Icon=APPLICATION_ICON";
            }
            desktop.append(line).append('\n');
        }
        Files.writeString(resources.resolve(LAUNCHER + ".desktop"), desktop, StandardCharsets.UTF_8);
        Files.copy(icon(), resources.resolve(LAUNCHER + ".png"), StandardCopyOption.REPLACE_EXISTING);
        // maintainer scripts: jpackage's own, plus /usr/bin/warroom so the command is on the PATH
        for (String script : List.of("postinst", "prerm")) {
            Files.copy(packaging.resolve("linux").resolve("deb").resolve(script), resources.resolve(script),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        return resources;
    }

    private static void run(List<String> args) {
        ToolProvider jpackage = ToolProvider.findFirst("jpackage").orElseThrow(
                () -> new IllegalStateException("this JDK has no jpackage (module jdk.jpackage): use a full JDK 17+"));
        System.out.println("[jpackage] jpackage " + String.join(" ", args.stream().map(Jpackage::quote).toList()));
        long start = System.nanoTime();
        int code = jpackage.run(System.out, System.err, args.toArray(String[]::new));
        if (code != 0) {
            System.err.println("[jpackage] failed with exit code " + code);
            System.exit(code);
        }
        System.out.printf(Locale.ROOT, "[jpackage] done in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static String quote(String arg) {
        return arg.isEmpty() || arg.contains(" ") || arg.contains(";") ? "'" + arg + "'" : arg;
    }

    static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}

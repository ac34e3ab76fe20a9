package dev.warroom.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jpackage inputs under packaging/ are what the package profile and the installers expect. */
class PackagingInputsTest {
    private static final Path PACKAGING = Path.of("packaging");
    private static final Path ICONS = PACKAGING.resolve("icons");

    @Test
    void pngIconsHaveTheirSizes() throws IOException {
        assertSize(256, Files.readAllBytes(ICONS.resolve("warroom-256.png")));
        assertSize(48, Files.readAllBytes(ICONS.resolve("warroom-48.png")));
        assertSize(256, Files.readAllBytes(ICONS.resolve("warroom.png")));
    }

    @Test
    void icoHoldsEverySizeWindowsAsksFor() throws IOException {
        byte[] ico = Files.readAllBytes(ICONS.resolve("warroom.ico"));
        ByteBuffer b = ByteBuffer.wrap(ico).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0, b.getShort(0), "reserved");
        assertEquals(1, b.getShort(2), "type 1 = icon");
        int count = b.getShort(4);
        List<Integer> sizes = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            int entry = 6 + 16 * i;
            int size = ico[entry] == 0 ? 256 : Byte.toUnsignedInt(ico[entry]);
            int length = b.getInt(entry + 8);
            int offset = b.getInt(entry + 12);
            assertTrue(offset + length <= ico.length, "entry " + i + " inside the file");
            assertSize(size, Arrays.copyOfRange(ico, offset, offset + length));
            sizes.add(size);
        }
        assertTrue(sizes.containsAll(List.of(16, 32, 48, 256)), "sizes " + sizes);
    }

    @Test
    void icnsChainsPngEntriesUpTo1024() throws IOException {
        byte[] icns = Files.readAllBytes(ICONS.resolve("warroom.icns"));
        ByteBuffer b = ByteBuffer.wrap(icns);
        assertEquals("icns", new String(icns, 0, 4, StandardCharsets.US_ASCII));
        assertEquals(icns.length, b.getInt(4), "total length");
        Map<String, Integer> expected = Map.of("icp4", 16, "icp5", 32, "icp6", 64, "ic07", 128, "ic08", 256,
                "ic09", 512, "ic10", 1024);
        Map<String, Integer> seen = new HashMap<>();
        int at = 8;
        while (at < icns.length) {
            String type = new String(icns, at, 4, StandardCharsets.US_ASCII);
            int length = b.getInt(at + 4);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(icns, at + 8, length - 8));
            assertNotNull(image, type + " is a PNG");
            seen.put(type, image.getWidth());
            at += length;
        }
        assertEquals(icns.length, at, "entries end with the file");
        assertEquals(expected, seen);
    }

    /** Whoever changes the drawing regenerates the files: IconGen's output is reproducible. */
    @Test
    void iconsAreWhatIconGenDraws(@TempDir Path out) throws Exception {
        Process gen = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", ICONS.resolve("IconGen.java").toString(), out.toString())
                .redirectErrorStream(true).start();
        String log = new String(gen.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(gen.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, gen.exitValue(), log);
        for (String name : List.of("warroom-256.png", "warroom-48.png", "warroom.png", "warroom.ico", "warroom.icns")) {
            assertArrayEquals(Files.readAllBytes(out.resolve(name)), Files.readAllBytes(ICONS.resolve(name)),
                    name + " differs from what packaging/icons/IconGen.java draws: regenerate it");
        }
    }

    @Test
    void desktopEntryLaunchesWarroom() throws IOException {
        List<String> lines = Files.readAllLines(PACKAGING.resolve("linux").resolve("warroom.desktop"));
        assertEquals("[Desktop Entry]", lines.get(0));
        Map<String, String> keys = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int eq = line.indexOf('=');
                assertTrue(eq > 0, "key=value: " + line);
                keys.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        assertEquals("Application", keys.get("Type"));
        assertEquals("Warroom", keys.get("Name"));
        assertEquals("warroom", keys.get("Exec"));
        assertEquals("warroom", keys.get("Icon"));
        assertTrue(keys.get("Categories").endsWith(";"), "Categories is a ;-terminated list");
    }

    @Test
    void launcherOptionsAreJvmOptions() throws IOException {
        List<String> options = Files.readAllLines(PACKAGING.resolve("jvm-options")).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertTrue(options.contains("-Xmx512m"), "options " + options);
        options.forEach(o -> assertTrue(o.startsWith("-") && !o.contains(" "), "one JVM option per line: " + o));
    }

    @Test
    void debScriptsKeepJpackagePlaceholders() throws IOException {
        String postinst = Files.readString(PACKAGING.resolve("linux/deb/postinst"));
        String prerm = Files.readString(PACKAGING.resolve("linux/deb/prerm"));
        assertTrue(postinst.contains("DESKTOP_COMMANDS_INSTALL") && postinst.contains("/usr/bin/warroom"));
        assertTrue(prerm.contains("DESKTOP_COMMANDS_UNINSTALL") && prerm.contains("/usr/bin/warroom"));
    }

    private static void assertSize(int size, byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image, "a PNG");
        assertEquals(size, image.getWidth());
        assertEquals(size, image.getHeight());
    }
}

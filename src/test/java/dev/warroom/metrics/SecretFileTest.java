package dev.warroom.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFileTest {
    private static final String TOKEN = "glsa_Xq3Zt9pLmN4vB7cR2sK8wY5hJ1dF6gT0_4e2a9c1b";

    @TempDir
    Path dir;

    @BeforeAll
    static void posixIsHere() {
        // not an assumption: these tests must run (and CI is Linux), so a missing POSIX view is a failure
        assertTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    }

    @Test
    void write_createsAnOwnerOnlyFile_andReadGivesTheTokenBack() throws Exception {
        Path file = dir.resolve("grafana.token");

        SecretFile.write(file, Credentials.Secret.of(TOKEN));

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(TOKEN + "\n", Files.readString(file));
        assertEquals(TOKEN, SecretFile.read(file).reveal());
        try (var listing = Files.list(dir)) {
            assertEquals(1, listing.count(), "no temporary file left behind");
        }
    }

    @Test
    void write_replacesAnOpenFile_withAnOwnerOnlyOne() throws Exception {
        Path file = dir.resolve("grafana.token");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        SecretFile.write(file, Credentials.Secret.of(TOKEN));

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(TOKEN, SecretFile.read(file).reveal());
    }

    @Test
    void read_trimsTheTrailingNewline() throws Exception {
        Path file = ownerOnly("crlf.token", TOKEN + "\r\n");

        assertEquals(TOKEN, SecretFile.read(file).reveal());
    }

    @Test
    void read_refusesAFileGroupOrOthersCanRead_namingTheFix() throws Exception {
        for (String mode : new String[] {"rw-r--r--", "rw-r-----", "rw----r--", "rw--w----"}) {
            Path file = ownerOnly("open.token", TOKEN);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));

            IOException e = assertThrows(IOException.class, () -> SecretFile.read(file));

            assertEquals(file + ": token file is open to group or others (" + mode + "); refusing to use it. Fix: chmod 600 " + file,
                    e.getMessage());
        }
    }

    @Test
    void read_namesTheFile_whenMissingEmptyOrTooLarge() throws Exception {
        Path missing = dir.resolve("missing.token");
        assertEquals(missing + ": token file does not exist", assertThrows(IOException.class, () -> SecretFile.read(missing)).getMessage());

        Path empty = ownerOnly("empty.token", "\n");
        assertEquals(empty + ": token file is empty", assertThrows(IOException.class, () -> SecretFile.read(empty)).getMessage());

        Path big = ownerOnly("big.token", "x".repeat(SecretFile.MAX_BYTES + 1));
        assertEquals(big + ": token file is 16385 bytes, more than the 16384 a token can be; is it the right file?",
                assertThrows(IOException.class, () -> SecretFile.read(big)).getMessage());

        Path twoLines = ownerOnly("two.token", "a-token\nanother\n");
        assertEquals(twoLines + ": token file has more than one line; it should hold the token alone",
                assertThrows(IOException.class, () -> SecretFile.read(twoLines)).getMessage());

        assertEquals(dir + ": is a directory, not a token file", assertThrows(IOException.class, () -> SecretFile.read(dir)).getMessage());
    }

    @Test
    void read_refusesBinary() throws Exception {
        Path file = dir.resolve("key.der");
        Files.write(file, new byte[] {(byte) 0x30, (byte) 0x82, (byte) 0xff, (byte) 0xfe});
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertEquals(file + ": token file is not UTF-8 text; is it the right file?",
                assertThrows(IOException.class, () -> SecretFile.read(file)).getMessage());
    }

    private Path ownerOnly(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.deleteIfExists(file);
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}

package dev.warroom.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorePathsTest {
    private static final Path HOME = Path.of("/home/ic");

    @Test
    void resolve_argumentBeatsEnvironment() {
        assertEquals(Path.of("/srv/a/warroom"),
                StorePaths.resolve("/srv/a/warroom", Map.of("WARROOM_DB", "/srv/b/warroom"), "Linux", HOME));
    }

    @Test
    void resolve_environmentBeatsDefault() {
        assertEquals(Path.of("/srv/b/store"),
                StorePaths.resolve(null, Map.of("WARROOM_DB", "/srv/b/store", "XDG_DATA_HOME", "/x"), "Linux", HOME));
    }

    @Test
    void resolve_blankArgumentAndEnvironmentFallBackToDefault() {
        assertEquals(Path.of("/home/ic/.local/share/warroom/warroom"),
                StorePaths.resolve("  ", Map.of("WARROOM_DB", ""), "Linux", HOME));
    }

    @Test
    void resolve_stripsTheH2Suffix() {
        assertEquals(Path.of("/srv/a/team"), StorePaths.resolve("/srv/a/team.mv.db", Map.of(), "Linux", HOME));
        assertEquals(Path.of("/srv/b/team"),
                StorePaths.resolve(null, Map.of("WARROOM_DB", "/srv/b/team.MV.DB"), "Linux", HOME));
    }

    @Test
    void resolve_makesRelativePathsAbsoluteAndExpandsHome() {
        assertEquals(Path.of("drills/warroom").toAbsolutePath(),
                StorePaths.resolve("drills/./warroom.mv.db", Map.of(), "Linux", HOME));
        assertEquals(Path.of("/home/ic/stores/warroom"), StorePaths.resolve("~/stores/warroom", Map.of(), "Linux", HOME));
    }

    @Test
    void normalise_suffixAloneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StorePaths.normalise(".mv.db", HOME));
        assertEquals("'.mv.db' is not a store path: it names no file", e.getMessage());
    }

    @Test
    void defaultBase_linuxUsesXdgDataHomeWhenAbsolute() {
        assertEquals(Path.of("/data/ic/warroom/warroom"),
                StorePaths.defaultBase(Map.of("XDG_DATA_HOME", "/data/ic"), "Linux", HOME));
        assertEquals(Path.of("/home/ic/.local/share/warroom/warroom"),
                StorePaths.defaultBase(Map.of("XDG_DATA_HOME", "relative/dir"), "Linux", HOME));
        assertEquals(Path.of("/home/ic/.local/share/warroom/warroom"), StorePaths.defaultBase(Map.of(), "Linux", HOME));
    }

    @Test
    void defaultBase_macUsesApplicationSupport() {
        assertEquals(Path.of("/home/ic/Library/Application Support/Warroom/warroom"),
                StorePaths.defaultBase(Map.of("XDG_DATA_HOME", "/data/ic"), "Mac OS X", HOME));
    }

    @Test
    void defaultBase_windowsUsesAppData() {
        // Path separators are the host's; the test asserts the folder names in order
        assertEquals(Path.of("/roaming", "Warroom", "warroom"),
                StorePaths.defaultBase(Map.of("APPDATA", "/roaming"), "Windows 11", HOME));
        assertEquals(Path.of("/home/ic", "AppData", "Roaming", "Warroom", "warroom"),
                StorePaths.defaultBase(Map.of(), "Windows 10", HOME));
    }

    @Test
    void dataFile_addsTheSuffix() {
        assertEquals(Path.of("/srv/a/warroom.mv.db"), StorePaths.dataFile(Path.of("/srv/a/warroom")));
    }
}

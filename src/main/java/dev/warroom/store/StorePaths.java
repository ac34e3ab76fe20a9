package dev.warroom.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the embedded store lives. Paths are H2 base names: {@code /x/warroom} is the file
 * {@code /x/warroom.mv.db}. Users may name either; both mean the same store.
 *
 * <p>Precedence: an explicit {@code --db PATH} argument, then the {@value #ENV} environment
 * variable, then the platform's per-user data directory.
 */
public final class StorePaths {
    /** The environment variable that overrides the default store location. */
    public static final String ENV = "WARROOM_DB";
    /** The suffix H2 adds to the base name for its single data file. */
    public static final String SUFFIX = ".mv.db";

    private static final String BASE_NAME = "warroom";

    private StorePaths() {
    }

    /** {@link #resolve(String, Map, String, Path)} with this process's environment, OS and home. */
    public static Path resolve(String dbArgument) {
        return resolve(dbArgument, System.getenv(), System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home")));
    }

    /**
     * The absolute H2 base name of the store.
     *
     * @param dbArgument the {@code --db} value, or null when not given
     * @param env        the environment to read {@value #ENV}, {@code XDG_DATA_HOME} and {@code APPDATA} from
     * @param osName     as in the {@code os.name} system property
     * @param home       the user's home directory
     */
    public static Path resolve(String dbArgument, Map<String, String> env, String osName, Path home) {
        if (dbArgument != null && !dbArgument.isBlank()) {
            return normalise(dbArgument, home);
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return normalise(fromEnv, home);
        }
        return defaultBase(env, osName, home);
    }

    /** The per-user default: XDG data dir on Linux, Application Support on macOS, APPDATA on Windows. */
    public static Path defaultBase(Map<String, String> env, String osName, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        Path dir;
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path roaming = appData == null || appData.isBlank() ? home.resolve("AppData").resolve("Roaming")
                    : Path.of(appData);
            dir = roaming.resolve("Warroom");
        } else if (os.startsWith("mac") || os.startsWith("darwin")) {
            dir = home.resolve("Library").resolve("Application Support").resolve("Warroom");
        } else {
            // the XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored
            String xdg = env.get("XDG_DATA_HOME");
            Path data = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                    : home.resolve(".local").resolve("share");
            dir = data.resolve("warroom");
        }
        return dir.resolve(BASE_NAME).toAbsolutePath().normalize();
    }

    /** An absolute base name for a user-given path, with or without {@value #SUFFIX}; {@code ~/} means home. */
    public static Path normalise(String path, Path home) {
        String p = path.strip();
        if (p.toLowerCase(Locale.ROOT).endsWith(SUFFIX)) {
            p = p.substring(0, p.length() - SUFFIX.length());
        }
        if (p.isEmpty()) {
            throw new IllegalArgumentException("'" + path + "' is not a store path: it names no file");
        }
        Path base = p.startsWith("~/") ? home.resolve(p.substring(2)) : Path.of(p);
        return base.toAbsolutePath().normalize();
    }

    /** The file H2 keeps for a base name: what messages should name, since that is what the user sees. */
    public static Path dataFile(Path base) {
        return base.resolveSibling(base.getFileName() + SUFFIX);
    }
}

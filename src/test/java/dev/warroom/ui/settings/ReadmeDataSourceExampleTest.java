package dev.warroom.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The datasource.yaml the README shows is one Warroom reads, with every section it describes. */
class ReadmeDataSourceExampleTest {

    @Test
    void readmesExample_reads(@TempDir Path dir) throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```yaml\nkind: grafana");
        assertTrue(start >= 0, "README has no datasource.yaml example");
        String yaml = readme.substring(start + "```yaml\n".length(), readme.indexOf("```", start + 7));
        Path file = Files.writeString(dir.resolve(DataSourceSettings.FILE_NAME), yaml);

        DataSourceSettings s = DataSourceSettings.read(file);
        assertEquals("https://grafana.example:3000", s.url());
        assertEquals("P1809F7CD0C75ACF3", s.grafanaUid());
        assertTrue(s.marksAnnotations());
        assertEquals("http://127.0.0.1:9093", s.alertmanager().url());
        assertEquals(9095, s.webhook().port());
        assertEquals(dir.resolve("secrets/webhook.secret"), s.webhook().secretFile());
    }
}

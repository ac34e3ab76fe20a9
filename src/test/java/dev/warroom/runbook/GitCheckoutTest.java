package dev.warroom.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real repositories made by the git command line; the class under test never runs git itself. */
class GitCheckoutTest {

    private static final String RUNBOOK = """
            ---
            id: kafka-rebalance-storm
            title: Kafka consumer group rebalance storm
            symptoms: [consumers keep rebalancing]
            ---

            ## Steps

            1. **Check the group.** `kafka-consumer-groups --describe --group orders`
               - expect: one member joins and leaves every few seconds
            """;

    @TempDir
    Path tmp;
    Path repo;
    Path file;

    @BeforeEach
    void repository() throws Exception {
        repo = tmp.resolve("infra");
        file = repo.resolve("runbooks").resolve("kafka.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, RUNBOOK);
        git(tmp, "init", "-q", "infra");
    }

    @Test
    void commitOf_looseBranchRef_isTheHeadCommit() throws Exception {
        String head = commit("first");
        assertTrue(Files.isRegularFile(repo.resolve(".git/refs/heads/main")), "loose ref expected");
        assertEquals(Optional.of(head), GitCheckout.commitOf(file));
        assertEquals(Optional.of(head), GitCheckout.commitOf(repo.resolve("runbooks")), "a folder works too");
    }

    @Test
    void commitOf_packedRefs_findsTheBranchInPackedRefs() throws Exception {
        commit("first");
        Files.writeString(file, RUNBOOK + "2. **Restart the consumer.**\n");
        String head = commit("second");
        git(repo, "pack-refs", "--all");
        assertFalse(Files.exists(repo.resolve(".git/refs/heads/main")), "the loose ref must be gone");
        assertTrue(Files.readString(repo.resolve(".git/packed-refs")).contains(head + " refs/heads/main"));

        assertEquals(Optional.of(head), GitCheckout.commitOf(file));
    }

    @Test
    void commitOf_detachedHead_isTheCheckedOutCommit() throws Exception {
        String first = commit("first");
        Files.writeString(file, RUNBOOK + "2. **Restart the consumer.**\n");
        String second = commit("second");
        git(repo, "checkout", "-q", "--detach", first);
        assertTrue(Files.readString(repo.resolve(".git/HEAD")).strip().matches("[0-9a-f]{40}"), "detached HEAD");

        assertEquals(Optional.of(first), GitCheckout.commitOf(file));
        assertNotEquals(first, second);
    }

    @Test
    void commitOf_linkedWorktree_followsTheGitFileAndSharesBranches() throws Exception {
        String main = commit("first");
        Path worktree = tmp.resolve("infra-hotfix");
        git(repo, "worktree", "add", "-q", "-b", "hotfix", worktree.toString());
        Path worktreeFile = worktree.resolve("runbooks/kafka.md");
        assertTrue(Files.isRegularFile(worktree.resolve(".git")), ".git is a file in a linked worktree");
        Files.writeString(worktreeFile, RUNBOOK + "2. **Restart the consumer.**\n");
        git(worktree, "commit", "-q", "-am", "hotfix");
        String hotfix = git(worktree, "rev-parse", "HEAD");

        assertEquals(Optional.of(hotfix), GitCheckout.commitOf(worktreeFile));
        assertEquals(Optional.of(main), GitCheckout.commitOf(file), "the main checkout is unaffected");

        git(repo, "pack-refs", "--all");
        assertEquals(Optional.of(hotfix), GitCheckout.commitOf(worktreeFile), "branch in the shared packed-refs");
    }

    @Test
    void commitOf_repositoryWithoutCommits_isEmpty() {
        assertEquals(Optional.empty(), GitCheckout.commitOf(file));
    }

    @Test
    void commitOf_fileOutsideAnyRepository_isEmpty() throws IOException {
        Path loose = tmp.resolve("elsewhere/notes.md");
        Files.createDirectories(loose.getParent());
        Files.writeString(loose, RUNBOOK);
        assertEquals(Optional.empty(), GitCheckout.commitOf(loose));
    }

    @Test
    void commitOf_garbageHead_isEmptyNotAnError() throws Exception {
        commit("first");
        Files.writeString(repo.resolve(".git/HEAD"), "ref: ../../../../etc/passwd\n");
        assertEquals(Optional.empty(), GitCheckout.commitOf(file));
        Files.write(repo.resolve(".git/HEAD"), new byte[] {(byte) 0xff, 0, 1, 2});
        assertEquals(Optional.empty(), GitCheckout.commitOf(file));
    }

    @Test
    void library_namesTheCommitOfUserRunbooks_andNoneForBundledOnes() throws Exception {
        String head = commit("first");
        RunbookLibrary library = RunbookLibrary.load(repo.resolve("runbooks"));
        assertEquals(List.of(), library.problems());

        Runbook user = library.byId("kafka-rebalance-storm").orElseThrow();
        assertEquals(Optional.of(file), library.fileOf(user));
        assertEquals(Optional.of(head), library.commitOf(user));

        Runbook bundled = library.byId("provider-outage").orElseThrow();
        assertEquals(Optional.empty(), library.fileOf(bundled));
        assertEquals(Optional.empty(), library.commitOf(bundled));
    }

    private String commit(String message) throws Exception {
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", message);
        return git(repo, "rev-parse", "HEAD");
    }

    /** Runs git with a fixed identity and branch name, whatever the machine's configuration. */
    private static String git(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=test@example.com",
                "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", "-c", "core.hooksPath=/dev/null"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "git " + String.join(" ", args) + " timed out");
        assertEquals(0, p.exitValue(), "git " + String.join(" ", args) + ": " + output);
        return output;
    }
}

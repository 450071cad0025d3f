package cn.zhutui.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A downloaded file as it prints: converted to PDF by LibreOffice (headless), its text and its page
 * count read back by poppler's pdftotext and pdfinfo. In CI (CI=true) missing tools fail the
 * build — .ci/run installs them; elsewhere the check is skipped with a message saying what to install.
 */
public record Pdf(String text, int pages, Path file) {

    public static Pdf of(byte[] file, String ext) throws Exception {
        Path soffice = Path.of("/usr/bin/soffice");
        boolean tools = Files.isExecutable(soffice) && Files.isExecutable(Path.of("/usr/bin/pdftotext"))
                && Files.isExecutable(Path.of("/usr/bin/pdfinfo"));
        if (!tools) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("LibreOffice or poppler-utils missing: CI must install them (.ci/run does)");
            }
            assumeTrue(false, "PDF check skipped: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils");
        }
        Path dir = Files.createTempDirectory("pdf-check");
        Path in = dir.resolve("file." + ext);
        Files.write(in, file);
        run(dir, soffice.toString(), "--headless", "-env:UserInstallation=file://" + dir.resolve("profile"),
                "--convert-to", "pdf", "--outdir", dir.toString(), in.toString());
        Path pdf = dir.resolve("file.pdf");
        assertThat(pdf).as("LibreOffice converted the %s", ext).exists().isNotEmptyFile();
        run(dir, "pdftotext", "-layout", pdf.toString(), dir.resolve("file.txt").toString());
        String info = run(dir, "pdfinfo", pdf.toString());
        int pages = info.lines().filter(l -> l.startsWith("Pages:")).map(l -> Integer.parseInt(l.substring(6).trim())).findFirst().orElse(0);
        Path kept = Path.of("target/pdf-checks").toAbsolutePath();
        Files.createDirectories(kept);
        Path copy = Files.copy(pdf, Files.createTempFile(kept, ext + "-", ".pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return new Pdf(Files.readString(dir.resolve("file.txt"), StandardCharsets.UTF_8), pages, copy);
    }

    /** The fonts the PDF uses (pdffonts' table), to see which were found for the names in the file. */
    public String fonts() throws Exception {
        return run(file.getParent(), "pdffonts", file.toString());
    }

    /** The text of one page (1-based). */
    public String page(int n) throws Exception {
        return run(file.getParent(), "pdftotext", "-layout", "-f", String.valueOf(n), "-l", String.valueOf(n), file.toString(), "-");
    }

    /** The text without any white space (pdftotext spaces out Chinese next to digits, and columns). */
    public String compact() {
        return text.replaceAll("\\s+", "");
    }

    /** The text with the runs of spaces pdftotext puts between columns made single. */
    public String words() {
        return text.replaceAll("[ \\t]+", " ");
    }

    private static String run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
        assertThat(p.exitValue()).as("%s: %s", command[0], out).isZero();
        return out;
    }
}

package org.apache.camel.component.kaizala;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The code and the docs cite the Kaizala API reference the project was built from ("reference §9.5", "§14 D36"); Kaizala's
 * own pages are gone, so that reference is committed as docs/kaizala-api/README.md. Every citation must resolve there:
 * each §N.M to a heading, each D-row of §14 to a row of its table.
 */
class ReferenceCitationsTest {

    private static final Pattern SECTION = Pattern.compile("§(\\d+(?:\\.\\d+)*)");
    private static final Pattern ROW = Pattern.compile("\\bD(\\d{1,3})\\b");

    @Test
    void everyCitationOfTheReferenceResolvesInTheCommittedCopy() throws IOException {
        Path root = DocSnippetsTest.projectRoot();
        String reference = Files.readString(root.resolve("docs/kaizala-api/README.md"), StandardCharsets.UTF_8);
        Set<String> sections = new TreeSet<>();
        Matcher heading = Pattern.compile("(?m)^#{2,4} (\\d+(?:\\.\\d+)*)\\.? ").matcher(reference);
        while (heading.find()) {
            sections.add(heading.group(1));
        }
        Set<String> rows = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| D(\\d+) \\|").matcher(reference);
        while (row.find()) {
            rows.add(row.group(1));
        }
        assertThat(sections).contains("1", "9.5", "14");
        assertThat(rows).contains("1", "36");

        List<String> unresolved = new ArrayList<>();
        int citations = 0;
        for (Path file : citingFiles(root)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                Matcher section = SECTION.matcher(line);
                while (section.find()) {
                    citations++;
                    if (!sections.contains(section.group(1))) {
                        unresolved.add(root.relativize(file) + ":" + (i + 1) + " §" + section.group(1));
                    }
                }
                if (line.contains("§14") || line.contains("reference") || line.contains("deviation")) {
                    Matcher d = ROW.matcher(line);
                    while (d.find()) {
                        citations++;
                        if (!rows.contains(d.group(1))) {
                            unresolved.add(root.relativize(file) + ":" + (i + 1) + " D" + d.group(1));
                        }
                    }
                }
            }
        }
        assertThat(citations).as("citations found").isGreaterThan(100);
        assertThat(unresolved).as("citations of docs/kaizala-api/README.md that resolve to nothing there").isEmpty();
    }

    /** The project's Java sources and Markdown pages, except the reference itself and build output. */
    private static List<Path> citingFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".md"))
                    .filter(f -> !root.relativize(f).startsWith("docs/kaizala-api"))
                    .filter(f -> {
                        String path = root.relativize(f).toString();
                        return !path.contains("/target/") && !path.startsWith(".") && !path.contains("/.");
                    })
                    .toList();
        }
    }
}

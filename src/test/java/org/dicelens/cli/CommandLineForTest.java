package org.dicelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Building only the command that runs must not change what any command parses, prints or refuses. */
class CommandLineForTest {
    private static final ViewCommand.Launcher NO_VIEWER = c -> {
        throw new AssertionError("not launched in this test");
    };

    @Test
    void everyCommandIsBuiltAloneWithTheSameUsage() {
        Map<String, CommandLine> all = DiceLensCommand.commandLine(NO_VIEWER).getSubcommands();
        assertEquals(List.of("info", "evaluate", "sweep", "render", "bench", "phantom", "lab", "cohort", "view"),
                List.copyOf(all.keySet()));
        for (String name : all.keySet()) {
            assertTrue(DiceLensCommand.isCommandName(name), name);
            CommandLine one = DiceLensCommand.commandLineFor(NO_VIEWER, name, "--help");
            assertEquals(List.of(name), List.copyOf(one.getSubcommands().keySet()), name);
            assertEquals(all.get(name).getUsageMessage(), one.getSubcommands().get(name).getUsageMessage(), name);
        }
    }

    @Test
    void rootOptionsAndUnknownNamesGetEveryCommand() {
        for (String[] args : new String[][] {{}, {"--help"}, {"--version"}, {"evalute"}, {"/some/folder"}}) {
            assertEquals(9, DiceLensCommand.commandLineFor(NO_VIEWER, args).getSubcommands().size(), String.join(" ", args));
        }
        assertFalse(DiceLensCommand.isCommandName("evalute"));
        assertFalse(DiceLensCommand.isCommandName("--help"));
    }

    @Test
    void errorsReadTheSameBuiltAloneAsWithEveryCommand() {
        for (String[] args : new String[][] {{"evaluate", "--bogus"}, {"info"}, {"cohort", "--jobs", "x"},
            {"evalute", "--reference", "r.nii"}, {"view", "--nonsense"}}) {
            assertEquals(runText(DiceLensCommand.commandLine(NO_VIEWER), args),
                    runText(DiceLensCommand.commandLineFor(NO_VIEWER, args), args), String.join(" ", args));
        }
    }

    private static String runText(CommandLine cl, String[] args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return code + "\n" + out + "\n--\n" + err;
    }
}

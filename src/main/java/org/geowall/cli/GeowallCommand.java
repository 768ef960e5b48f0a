package org.geowall.cli;

import org.geowall.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code geowall} command line: the commands that are not measurement suites. */
@Command(name = "geowall", mixinStandardHelpOptions = true, versionProvider = GeowallVersion.class,
        description = "Measures which websites a visitor from a given country cannot use, and why.",
        subcommands = {RunCommand.class, ShowCommand.class, SummaryCommand.class, ReclassifyCommand.class,
            CalibrateCommand.class,
            LabCommand.class,
            BenchLabCommand.class,
            CommandLine.HelpCommand.class})
public final class GeowallCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: choose one of "
                + spec.subcommands().keySet());
    }

    public static void main(String[] arguments) {
        System.exit(commandLine().execute(arguments));
    }

    /**
     * Returns the command line, with an input error (a missing file, an invalid value) printed as
     * its message alone, because the message names the value and the fix. Other failures keep
     * their stack trace.
     */
    static CommandLine commandLine() {
        return new CommandLine(new GeowallCommand()).setExecutionExceptionHandler((exception, command, parsed) -> {
            if (exception instanceof IllegalArgumentException || exception instanceof ConfigException) {
                command.getErr().println("geowall: " + exception.getMessage());
                return 2;
            }
            throw exception;
        });
    }
}

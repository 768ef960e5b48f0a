package org.geowall.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code geowall} command line: the commands that are not measurement suites. */
@Command(name = "geowall", mixinStandardHelpOptions = true, versionProvider = GeowallVersion.class,
        description = "Measures which websites a visitor from a given country cannot use, and why.",
        subcommands = {RunCommand.class, ShowCommand.class, ReclassifyCommand.class, CalibrateCommand.class,
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
        System.exit(new CommandLine(new GeowallCommand()).execute(arguments));
    }
}

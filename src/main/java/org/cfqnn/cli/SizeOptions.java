package org.cfqnn.cli;

import org.cfqnn.radio.RadioModel;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The network size as optional flags (default: application.conf's cfqnn.radio), with the other radio flags. */
public final class SizeOptions {

    @Option(names = "--nap", paramLabel = "M", description = "Access points.")
    Integer nAp;

    @Option(names = "--nuser", paramLabel = "K", description = "Users, at most M.")
    Integer nUser;

    @Option(names = "--ntx", paramLabel = "N", description = "Antennas per AP.")
    Integer nTx;

    @Mixin
    RadioOptions radio;

    RadioModel resolve() {
        return radio.resolve(nAp, nUser, nTx);
    }
}

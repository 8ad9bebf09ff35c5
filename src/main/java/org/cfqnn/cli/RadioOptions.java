package org.cfqnn.cli;

import java.util.Map;
import org.cfqnn.input.InvalidInputException;
import org.cfqnn.radio.RadioModel;
import org.cfqnn.scenario.Defaults;
import org.cfqnn.scenario.RadioSettings;
import picocli.CommandLine.Option;

/**
 * The radio-model flags (paths, SNR, interference, CSI error) shared by commands that draw channels; an
 * unset flag takes its default from application.conf (cfqnn.radio). The network size has its own flags.
 */
public final class RadioOptions {

    private static final Map<String, String> FLAGS = Map.of("nAp", "--nap", "nUser", "--nuser", "nTx", "--ntx",
            "nPath", "--npath", "rho", "--rho-db", "mu", "--mu", "csiError", "--csi-error");

    @Option(names = "--npath", paramLabel = "P", description = "Paths per link.")
    Integer nPath;

    @Option(names = "--rho-db", paramLabel = "dB", description = "Transmit SNR in dB.")
    Double rhoDb;

    @Option(names = "--mu", paramLabel = "U", description = "Interference factor in [0, 1].")
    Double mu;

    @Option(names = "--csi-error", paramLabel = "E", description = "CSI error, relative to sqrt(beta).")
    Double csiError;

    /** The model: given flags (null: not given) over the defaults; range errors name the flag. */
    RadioModel resolve(Integer nAp, Integer nUser, Integer nTx) {
        RadioModel d = RadioSettings.read(Defaults.cfqnn().block("radio"));
        try {
            if (rhoDb != null && !(Double.isFinite(rhoDb) && rhoDb >= -50 && rhoDb <= 100)) {
                throw new InvalidInputException("rho", rhoDb, "must be a number of dB in [-50, 100]");
            }
            return new RadioModel(
                    nAp != null ? nAp : d.nAp(),
                    nUser != null ? nUser : d.nUser(),
                    nTx != null ? nTx : d.nTx(),
                    nPath != null ? nPath : d.nPath(),
                    d.kappa(), d.dMin(),
                    rhoDb != null ? RadioModel.fromDb(rhoDb) : d.rho(),
                    mu != null ? mu : d.mu(),
                    csiError != null ? csiError : d.csiError());
        } catch (InvalidInputException e) {
            throw e.renamed(FLAGS);
        }
    }
}

package org.cfqnn.scenario;

import org.cfqnn.qnn.train.TrainingSettings;

/** The {@code edge { ... }} block, validated. */
public record EdgeSettings(String ansatz, int paperReps, TrainingSettings training) {
}

package org.cfqnn.scenario;

import org.cfqnn.qnn.cloud.MaxMinCloud;
import org.cfqnn.qnn.train.TrainingSettings;

/** The {@code cloud { ... }} block, validated. */
public record CloudSettings(String ansatz, String decoding, int candidates, double rPenalty, int paperLayers,
                            int graphQubits, int graphLayers, int graphRounds, String graphLoss,
                            double teacherTemperature, long teacherLimit, MaxMinCloud.Design maxmin,
                            TrainingSettings training) {
}

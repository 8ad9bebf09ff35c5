package org.cfqnn.scenario;

import org.cfqnn.qnn.cloud.CharitablePaperCloud;
import org.cfqnn.qnn.cloud.CloudModel;
import org.cfqnn.qnn.cloud.GraphCloud;
import org.cfqnn.qnn.cloud.MaxMinCloud;
import org.cfqnn.qnn.cloud.PaperCloud;
import org.cfqnn.qnn.cloud.Teacher;
import org.cfqnn.qnn.edge.AmplitudeEdge;
import org.cfqnn.qnn.edge.EdgeModel;
import org.cfqnn.qnn.edge.PaperEdge;
import org.cfqnn.radio.RadioModel;

/** Builds the QNN models a scenario names. */
public final class Models {

    private Models() {
    }

    public static CloudModel cloud(CloudSettings c, RadioModel radio) {
        var t = c.training();
        return switch (c.ansatz()) {
            case PaperCloud.NAME -> new PaperCloud(radio.nAp(), radio.nUser(), c.paperLayers(), c.rPenalty(), t.shift());
            case GraphCloud.NAME -> new GraphCloud(c.graphQubits(), c.graphLayers(), c.graphRounds(), c.graphLoss(),
                    new Teacher(c.teacherTemperature(), c.teacherLimit()), c.rPenalty(), t.gradient(), t.shift());
            case MaxMinCloud.NAME -> new MaxMinCloud(c.maxmin(), c.rPenalty(), t.gradient(), t.shift());
            case CharitablePaperCloud.NAME -> new CharitablePaperCloud(radio.nAp(), radio.nUser(), c.paperLayers(),
                    c.maxmin().teacherLimit());
            default -> throw new IllegalArgumentException("unknown cloud ansatz " + c.ansatz());
        };
    }

    public static EdgeModel edge(EdgeSettings e, RadioModel radio) {
        var t = e.training();
        return switch (e.ansatz()) {
            case PaperEdge.NAME -> new PaperEdge(radio.nUser(), radio.nTx(), e.paperReps(), t.gradient(), t.shift());
            case AmplitudeEdge.NAME -> new AmplitudeEdge(radio.nTx(), t.gradient(), t.shift());
            default -> throw new IllegalArgumentException("unknown edge ansatz " + e.ansatz());
        };
    }
}

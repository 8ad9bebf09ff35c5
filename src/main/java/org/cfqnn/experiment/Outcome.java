package org.cfqnn.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cfqnn.io.JsonNodes;
import org.cfqnn.radio.Channel;
import org.cfqnn.radio.Precoders;
import org.cfqnn.radio.RateReport;
import org.cfqnn.radio.Rates;

/**
 * What one method achieved on one channel: its assignment and precoders (chosen from the estimate)
 * and the rates they give on the true channel. {@code precoderQuality} is NaN unless a method
 * reports it (the QNN edges).
 */
public record Outcome(int[] assignment, Precoders precoders, RateReport rates, double precoderQuality) {

    /** Evaluates a decision on the true channel. */
    public static Outcome of(Channel truth, int[] assignment, Precoders precoders, double rho, double mu) {
        return new Outcome(assignment, precoders, Rates.evaluate(truth, assignment, precoders, rho, mu), Double.NaN);
    }

    /** An assignment with MR precoders computed from the estimate, evaluated on the truth. */
    public static Outcome maxRatio(Channel truth, Channel estimate, int[] assignment, double rho, double mu) {
        return of(truth, assignment, Precoders.maxRatio(estimate, assignment), rho, mu);
    }

    public Outcome withPrecoderQuality(double quality) {
        return new Outcome(assignment, precoders, rates, quality);
    }

    /** The JSON object {@code cfqnn evaluate} prints. */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodes.MAPPER.createObjectNode();
        var a = o.putArray("assignment");
        for (int u : assignment) {
            a.add(u);
        }
        o.set("precoders", JsonNodes.MAPPER.valueToTree(precoders.toArray()));
        var r = o.putArray("rates");
        for (int k = 0; k < rates.nUser(); k++) {
            r.add(rates.served()[k] ? rates.rates()[k] : 0.0);
        }
        o.put("minRate", rates.minRate());
        o.put("sumRate", rates.sumRate());
        o.put("unserved", rates.unserved());
        if (!Double.isNaN(precoderQuality)) {
            o.put("precoderQuality", precoderQuality);
        }
        return o;
    }
}

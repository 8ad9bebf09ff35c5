package org.cfqnn.quantum.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class QpuQueueTest {

    @Test
    void inferenceIsServedFirstComeFirstServedOnOneQpu() {
        QpuQueue q = new QpuQueue(1);
        assertThat(q.submitInference(0, 100).startNanos()).isZero();
        QpuQueue.Grant second = q.submitInference(50, 100);
        assertThat(second.startNanos()).isEqualTo(100);
        assertThat(second.finishNanos()).isEqualTo(200);
        assertThat(q.submitInference(500, 10).startNanos()).as("an idle QPU starts at once").isEqualTo(500);
    }

    @Test
    void severalQpusServeInParallelEachJobOnTheOneFreeFirst() {
        QpuQueue q = new QpuQueue(2);
        assertThat(q.submitInference(0, 100).qpu()).isZero();
        QpuQueue.Grant b = q.submitInference(0, 30);
        assertThat(b.qpu()).isEqualTo(1);
        assertThat(b.startNanos()).isZero();
        QpuQueue.Grant c = q.submitInference(10, 50);
        assertThat(c.qpu()).isEqualTo(1);
        assertThat(c.startNanos()).isEqualTo(30);
    }

    @Test
    void trainingRunsBehindInferenceWithoutPreemption() {
        QpuQueue q = new QpuQueue(1);
        q.submitInference(0, 100); // busy until 100
        long t1 = q.submitTraining(10, 1000);
        assertThat(q.nextTrainingStart()).hasValue(100);
        // inference arriving at 50, before the training could start: it goes first
        assertThat(q.submitInference(50, 100).startNanos()).isEqualTo(100);
        assertThat(q.nextTrainingStart()).hasValue(200);
        List<QpuQueue.Grant> started = q.advanceTo(200);
        assertThat(started).containsExactly(new QpuQueue.Grant(t1, 0, 200, 1200));
        // the training started: a later inference waits for it to finish (no preemption)
        assertThat(q.submitInference(300, 10).startNanos()).isEqualTo(1200);
    }

    @Test
    void atEqualTimesInferenceWins() {
        QpuQueue q = new QpuQueue(1);
        q.submitTraining(0, 1000);
        assertThat(q.submitInference(0, 10).startNanos()).isZero();
        assertThat(q.advanceTo(10)).singleElement().extracting(QpuQueue.Grant::startNanos).isEqualTo(10L);
        assertThat(q.trainingWaiting()).isZero();
    }

    @Test
    void trainingStartedWhilePlacingInferenceIsReportedByTheNextAdvance() {
        QpuQueue q = new QpuQueue(1);
        long t = q.submitTraining(0, 100);
        assertThat(q.submitInference(50, 10).startNanos()).as("training started at 0, before it").isEqualTo(100);
        assertThat(q.advanceTo(50)).containsExactly(new QpuQueue.Grant(t, 0, 0, 100));
        assertThat(q.nextTrainingStart()).isEmpty();
    }

    @Test
    void timeMayNotGoBackwards() {
        QpuQueue q = new QpuQueue(1);
        q.advanceTo(100);
        assertThatThrownBy(() -> q.submitInference(50, 1)).hasMessageContaining("backwards");
        assertThatThrownBy(() -> new QpuQueue(0)).hasMessageContaining("at least one QPU");
    }
}

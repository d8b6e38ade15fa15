package org.exchangehub.returnflow.intake;

/** Told of every stored batch after its transaction committed (metrics, logs). */
@FunctionalInterface
public interface IntakeListener {

    void stored(IntakeReport report);
}

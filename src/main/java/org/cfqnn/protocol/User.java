package org.cfqnn.protocol;

/** User k: receives its rate every step over the air and reports it. */
public final class User extends Machine<User.Input> {

    /** What a user handles. */
    public sealed interface Input extends Event permits Message.Reception {
    }

    public User(Plan plan, int k) {
        super(Address.user(k), Input.class);
        on(Message.Reception.class, (r, fx) -> fx.record(new Measurement.UserRate(plan.deploymentStep(r.step()),
                r.user(), r.rate(), r.served())));
        requireEveryInputHandled();
    }
}

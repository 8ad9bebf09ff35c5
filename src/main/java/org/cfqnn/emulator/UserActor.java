package org.cfqnn.emulator;

import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/** A user: receives its rate every step over the air and reports it. */
public final class UserActor extends AbstractBehavior<UserActor.Command> {

    /** User's protocol: deliveries only. */
    public sealed interface Command extends CborSerializable permits Deliver {
    }

    private final RunContext run;
    private final Endpoint endpoint;

    private UserActor(ActorContext<Command> ctx, RunContext run, int k) {
        super(ctx);
        this.run = run;
        this.endpoint = run.endpoint(Addresses.user(k));
    }

    public static Behavior<Command> create(RunContext run, int k) {
        return Behaviors.setup(ctx -> new UserActor(ctx, run, k));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder().onMessage(Deliver.class, this::onDeliver).build();
    }

    private Behavior<Command> onDeliver(Deliver d) {
        endpoint.handle(d, e -> {
            if (e instanceof Wire.Reception r) {
                run.recorder().tell(new Recorder.UserRate(r.step() - run.edgeTrainingSteps(), r.user(), r.rate(), r.served()));
            }
        });
        return this;
    }
}

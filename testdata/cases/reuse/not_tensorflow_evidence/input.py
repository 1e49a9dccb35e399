# Names spelled like newer TensorFlow APIs but not TensorFlow's are no evidence: r0.10's
# positional reuse is rewritten.
import tensorflow as tf
import mylib as summary_lib


def build(x, backend):
    with tf.variable_scope("rnn", True):
        w = tf.get_variable("w", [1])
    backend.global_variables_initializer()
    summary_lib.summary.scalar("w", w)
    with backend.name_scope("x", "y", [x]):
        return w

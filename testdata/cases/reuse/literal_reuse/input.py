import tensorflow as tf
import tensorflow.compat.v1 as tf1
from tensorflow.python.ops import variable_scope as vs
from tensorflow.python.ops.variable_scope import variable_scope


def rnn(inputs, scope=None):
    outputs = []
    for step, x in enumerate(inputs):
        if step == 0:
            with tf.variable_scope(scope or "RNN", False):
                outputs.append(tf.get_variable("w", [1]) * x)
        else:
            with tf.variable_scope(scope or "RNN", True):
                outputs.append(tf.get_variable("w", [1]) * x)
    return outputs


with vs.variable_scope("shared", True) as s, tf1.variable_scope("other", False):
    pass
with variable_scope("imported",True):
    pass
cell = tf.variable_scope("stored", True)

# Graph.name_scope opens a name scope as tf.name_scope does, and get_variable ignores it too.
# Only a receiver that is surely a TensorFlow graph counts (tf.Graph(), tf.get_default_graph()).
import tensorflow as tf

g = tf.Graph()
with g.as_default(), g.name_scope("s"):
    v = tf.get_variable("s/w", [1])


def f():
    with tf.get_default_graph().name_scope("t"):
        return tf.get_variable("t/u", [1])


def h(graph):
    with graph.name_scope("t"):
        return tf.get_variable("u", [1])


def k(other):
    with other.get_default_graph().name_scope("t"):
        return tf.get_variable("u", [1])

import tensorflow.compat.v1 as tf

with tf.name_scope("s"):
    a = tf.get_variable(*args)
    b = tf.get_variable(**kwargs)
    c = tf.get_variable("s/c", [1])
with tf.name_scope("abs/"):
    d = tf.get_variable("d", [1])


def f(x, name, holder):
    with tf.name_scope(name) as holder.scope:
        e = tf.get_variable("e", [1])
    with tf.name_scope(name) as scope:
        scope = scope + "suffix"
        g = tf.get_variable("g", [1])
    with tf.name_scope(name) as (s1, s2):
        h = tf.get_variable("h", [1])
    return x

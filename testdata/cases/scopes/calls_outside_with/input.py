import contextlib

import tensorflow.compat.v1 as tf


def stored(x):
    scope = tf.op_scope([x], None, "Stored")
    with scope:
        pass


def exit_stack(x, name):
    with contextlib.ExitStack() as stack:
        stack.enter_context(tf.variable_op_scope([x], name, "Stacked"))


def fallback(x, name):
    try:
        cm = tf.op_scope([x], name, "Try")
    except AttributeError:
        cm = tf.name_scope(name, "Try", [x])
    return cm


def multi_item(x, y):
    with tf.op_scope([x], "a"), tf.op_scope([y], "b") as b, open("f") as f:
        pass


def nested(x):
    with tf.op_scope([tf.op_scope([x], "inner").__enter__()], "outer"):
        pass

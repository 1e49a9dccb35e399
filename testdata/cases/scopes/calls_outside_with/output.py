import contextlib

import tensorflow.compat.v1 as tf


def stored(x):
    scope = tf.name_scope(None, "Stored", [x])
    with scope:
        pass


def exit_stack(x, name):
    with contextlib.ExitStack() as stack:
        stack.enter_context(tf.variable_scope(name, "Stacked", [x]))


def fallback(x, name):
    try:
        cm = tf.name_scope(name, "Try", [x])
    except AttributeError:
        cm = tf.name_scope(name, "Try", [x])
    return cm


def multi_item(x, y):
    with tf.name_scope("a", values=[x]), tf.name_scope("b", values=[y]) as b, open("f") as f:
        pass


def nested(x):
    with tf.name_scope("outer", values=[tf.name_scope("inner", values=[x]).__enter__()]):
        pass

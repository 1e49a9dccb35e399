# -*- coding: utf-8 -*-
import tensorflow as tf

MODE = 0777
BIG = 10L + 0xFFL
PATTERN = ur'\d+ é'


def check(a, b, name=None):
    if a <> b:
        print `a`, `b`
    with tf.variable_op_scope([a, b], name, "Check", reuse=None) as vs:
        return tf.get_variable("w", [1]), MODE, BIG
